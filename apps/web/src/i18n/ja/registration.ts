/** 新規パスワード登録 (with the registration route's chunk). */
export const registrationJa = {
  reg: {
    passwordStepTitle: '新規パスワード登録（パスワードとメールアドレス）',
    completeStepTitle: '新規パスワード登録（登録完了）',
    complete: '登録完了',
    verifyHeading: '利用者の認証',
    verifyIntro1: '利用者認証を行います。',
    verifyFailed: '利用者の認証ができませんでした。',
    toLogin: '利用照会（ログイン）へ',
    verify: 'ログインする',
    passwordHeading: '新規パスワードの登録',
    passwordIntro: '登録するパスワードとメールアドレスを入力してください。',
    restart: '利用者の認証からやり直す',
    password: '登録パスワード',
    email1: 'メールアドレス1',
    oldEmailMaskedHint: '登録されているアドレスの一部を伏せて表示しています',
    notesHeading: '【登録時の注意事項】',
    note1: '※メールアドレスは、必ずパソコンまたはスマートフォンのいずれかのアドレスを登録してください。',
    note3:
      '※指定受信を行っている場合は、図書館から送信する「library@city.yanagawa.lg.jp」のメールアドレスを受信可能に設定してください。',
    note4:
      '※新規パスワードは、不正登録を防ぐため、他人が推測しやすい情報（生年月日、電話番号など）を使わないようにしてください。',
    register: '登録する',
    completed: '新規パスワードの登録が完了しました。',
    mailSentBefore: '登録されたメールアドレス（',
    mailSentAfter: '）に、柳川市立図書館から「パスワード申請受付」のメールをお送りします。',
    forgotIntro: 'パスワードを登録済みで、わからなくなった方は',
  },
} as const;
