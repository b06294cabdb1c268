/** 利用者情報変更 (with the settings route's chunk). */
export const settingsJa = {
  settings: {
    title: '利用者情報変更',
    intro:
      'パスワードとメールアドレスを変更できます。変更すると、登録されているメールアドレスに確認のメールが届きます。',
    emailHeading: 'メールアドレスの変更',
    emailDone: 'メールアドレスを変更しました。{{email}} に確認のメールをお送りします。',
    oldEmail: '旧メールアドレス',
    oldEmailHint: '(半角英数字)',
    newEmail: '新メールアドレス',
    newEmailHint: '(半角英数字) (連絡用)',
    dotsNote:
      '※ドット（.）が連続しているメールアドレスには、図書館からのメールが届かない場合がありますので、登録はご遠慮ください。',
    changing: '変更しています…',
    changeEmail: 'メールアドレスを変更する',
    passwordHeading: 'パスワードの変更',
    passwordDone:
      'パスワードを変更しました。ほかの端末でのログインは終了しました。確認のメールをお送りします。',
    currentPassword: '現在のパスワード',
    newPassword: '新しいパスワード',
    newPasswordHint:
      '(半角英数字) 8文字以上64文字以内。記号も使えます。生年月日や電話番号など推測しやすいものは使えません。',
    passwordConfirm: '再入力',
    passwordConfirmHint: '(確認のため再入力)',
    changePassword: 'パスワードを変更する',
  },
} as const;
