/** パスワードを忘れた方 (with the password-reset route's chunk). */
export const passwordResetJa = {
  reset: {
    titleStep: 'パスワードを忘れた方（{{step}}）',
    intro: 'パスワードを忘れた方は、次のどちらかの方法で新しいパスワードを登録できます。',
    stepMail: 'メール送信',
    stepIdentity: '本人確認',
    stepPassword: '新しいパスワード',
    crumbPassword: '新しいパスワードの登録',
    stepDone: '再設定完了',
    identityHeading: '本人確認で再設定',
    identityIntro1: '利用者の認証を行います。',
    identityFailed: '本人確認ができませんでした。',
    toRegistration: '新規パスワード登録へ',
    verify: '本人確認する',
    passwordHeading: 'パスワードの再設定',
    passwordIntro:
      '新しいパスワードを入力してください。登録すると、ほかの端末でのログインはすべて終了します。',
    restart: 'はじめからやり直す',
    passwordNote:
      '※パスワードは、他人が推測しやすい情報（生年月日、電話番号など）を使わないようにしてください。',
    submit: '再設定する',
    mailHeading: 'メールで再設定',
    mailIntro: '登録されているメールアドレスに、パスワード再設定用のリンクをお送りします。',
    mailPatronNumberHint: '{{digits}} 図書館利用カードの裏面に記載された番号',
    sending: '送信しています…',
    send: 'メールを送信する',
    identityOptionText:
      'メールアドレスを登録されていない方は、利用者番号・氏名・生年月日・電話番号で本人確認をして、新しいパスワードを登録できます。',
    identityOptionLink: '本人確認で再設定する',
    sentHeading: 'メールを送信しました',
    sentText:
      '入力された利用者番号にメールアドレスが登録されている場合は、パスワード再設定用のリンクを記載したメールを送信しました。',
    sentOpen:
      'メールのリンクを開いて、新しいパスワードを登録してください。リンクの有効期限は{{minutes}}分で、1回だけ使えます。',
    sentNoMailBefore: 'メールが届かない場合は、',
    sentNoMailLink: '本人確認で再設定',
    sentNoMailAfter: 'するか、図書館カウンターにお問い合わせください。',
    doneHeading: '再設定完了',
    done: 'パスワードの再設定が完了しました。',
    doneSessions: 'ほかの端末でのログインはすべて終了しました。新しいパスワードでログインしてください。',
    doneMail:
      'メールアドレスが登録されている場合は、柳川市立図書館から「パスワード再設定のお知らせ」のメールをお送りします。',
    pinHeading: 'パスワード（暗証番号）について',
    pinText:
      'パスワード（暗証番号）は図書館で管理しています。忘れた場合や変更したい場合は、図書館利用カードをお持ちのうえ、図書館カウンターでお手続きください。',
  },
} as const;
