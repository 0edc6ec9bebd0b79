; FieldApp (驻村帮扶工作台) Windows installer: Chinese UI, per-user install (no administrator rights),
; Start-menu shortcut, uninstaller. The register is never inside the program folder: it lives in
; %LOCALAPPDATA%\FieldApp, so installing a newer version or uninstalling keeps it.
;
; Build on Windows after PyInstaller (see README, "Building"):
;   makensis /DVERSION=0.1.0 installer\windows\fieldapp.nsi
; PAYLOAD (default ..\..\dist\fieldapp, relative to this file) is the PyInstaller folder holding
; fieldapp.exe, fieldapp-gui.exe, fieldapp-server.exe and _internal\; OUTFILE is the setup program.
; CI compiles it on Debian (apt package nsis) over a placeholder payload to prove the script valid.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\..\dist\fieldapp"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\FieldApp-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "..\..\resources\icons\fieldapp.ico"
!endif

!define APP_NAME "驻村帮扶工作台"
!define APP_ID "FieldApp"
!define APP_EXE "fieldapp-gui.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define SETTINGS_KEY "Software\${APP_ID}"

Name "${APP_NAME} FieldApp ${VERSION}"
Caption "${APP_NAME} ${VERSION} 安装程序"
BrandingText "${APP_NAME} FieldApp ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME} FieldApp"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "FieldApp"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "欢迎安装${APP_NAME}"
!define MUI_WELCOMEPAGE_TEXT "本程序将把${APP_NAME}（FieldApp ${VERSION}）安装到您的用户目录，不需要管理员权限。$\r$\n$\r$\n升级安装会保留已有数据：登记数据保存在 %LOCALAPPDATA%\FieldApp，新版本首次打开时会先在其旁边备份再升级数据库。$\r$\n$\r$\n点击“下一步”继续。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "立即启动${APP_NAME}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从本机删除${APP_NAME}程序。登记数据（%LOCALAPPDATA%\FieldApp）会保留；如需彻底删除，请在卸载后手动删除该文件夹。"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program files only. Old library files go first so that nothing of the
  ; previous version lingers; data is never here (portable data, FieldAppData\, is left alone too).
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\卸载${APP_NAME}.lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME} FieldApp"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "FieldApp"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}\卸载${APP_NAME}.lnk"
  RMDir "$SMPROGRAMS\${APP_NAME}"

  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\fieldapp.exe"
  Delete "$INSTDIR\fieldapp-gui.exe"
  Delete "$INSTDIR\fieldapp-server.exe"
  Delete "$INSTDIR\portable.txt"
  Delete "$INSTDIR\uninstall.exe"
  ; Removed only when empty: a portable register (FieldAppData\) beside the program stays.
  RMDir "$INSTDIR"

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd
