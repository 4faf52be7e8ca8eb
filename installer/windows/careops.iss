; Inno Setup script: the Windows installer of CareOps Desktop.
; Built by .github/workflows/installers.yml after PyInstaller (build.spec):
;   iscc /DAppVersion=0.1.0 installer\windows\careops.iss
;     → dist\careops-0.1.0-setup.exe
; Installs for the person running it, without administrator rights (PrivilegesRequired=
; lowest: into %LOCALAPPDATA%\Programs\CareOps, Start-menu shortcut in their own Start
; menu); "Install for all users" stays available to an administrator (the dialog, or
; /ALLUSERS on the command line). The uninstaller removes the program folder only: the
; database, backups and logs (%LOCALAPPDATA%\careops-desktop) stay, so an upgrade or a
; reinstall finds them. Silent install: careops-<version>-setup.exe /VERYSILENT /CURRENTUSER

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\careops-" + AppVersion
#endif

[Setup]
; the AppId ties upgrades to earlier installs: never change it
AppId={{8B1E4C52-7D0A-4C1B-9E55-5A3C2F6D9A10}
AppName=CareOps
AppVersion={#AppVersion}
AppVerName=CareOps {#AppVersion}
AppPublisher=CareOps Developers
DefaultDirName={autopf}\CareOps
DefaultGroupName=CareOps
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=careops-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\careops.ico
UninstallDisplayIcon={app}\careops.exe
UninstallDisplayName=CareOps {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; an open CareOps is asked to close before files are replaced
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; an upgrade replaces the whole program folder; nothing outside it is touched
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; files of the previous version that this one no longer ships
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\CareOps"; Filename: "{app}\careops.exe"; Comment: "The front office of your business"
Name: "{autodesktop}\CareOps"; Filename: "{app}\careops.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\careops.exe"; Description: "{cm:LaunchProgram,CareOps}"; Flags: nowait postinstall skipifsilent
