/** Texts the password-reset screens share (one place, for the i18n conversion). */
export const SYSTEM_ERROR = 'システムエラーが発生しました。しばらく待ってからお試しください。';
export const LIBRARY_ADDRESS_NOTE =
  '※図書館のメールアドレスは、「library@city.yanagawa.lg.jp」です。このアドレスは送信専用アドレスのため、このアドレスへの送信はできません。';
