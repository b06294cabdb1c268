/**
 * The fields and pages 新規パスワード登録, パスワードを忘れた方 and 利用者情報変更 share (their
 * components are in src/components/ui/): each text once. Limits are placeholders filled from
 * what @library/domain exports (PATRON_NUMBER_LENGTH, PASSWORD_MIN, PASSWORD_MAX).
 */
export const accountJa = {
  account: {
    patronNumberHint: '(半角数字 {{length}}桁)',
    enterDetails: 'お客様情報を入力して下さい。',
    name: '氏名',
    nameHint: '(全角カナ) 名字と名前の間にスペースは不要です',
    birthDate: '生年月日',
    birthDateHint: '(西暦・半角数字8桁) 例) 2009年3月1日→20090301',
    phone: '電話番号',
    phoneArea: '市外局番',
    phoneLocal: '市内局番',
    phoneNumber: '番号',
    phonePart: '電話番号 {{part}}',
    phoneHint: '(半角数字) 例) 999-0000-1111→9990000111',
    verifying: '確認しています…',
    newPassword: '新しいパスワード',
    passwordHint: '(半角英数字) {{min}}文字以上{{max}}文字以内。記号も使えます。',
    passwordConfirm: '再入力',
    passwordConfirmHint: '(確認のため再入力)',
    oldEmail: '旧メールアドレス',
    oldEmailHint: '(半角英数字)',
    newEmail: '新メールアドレス',
    newEmailHint: '(半角英数字) (連絡用)',
    dotsNote:
      '※ドット（.）が連続しているメールアドレスには、図書館からのメールが届かない場合がありますので、登録はご遠慮ください。',
    registering: '登録しています…',
    libraryAddress:
      '※図書館のメールアドレスは、「library@city.yanagawa.lg.jp」です。このアドレスは送信専用アドレスのため、このアドレスへの送信はできません。',
    toLoginScreen: 'ログイン画面へ',
  },
} as const;
