/** 利用者情報変更 (with the settings route's chunk). */
export const settingsJa = {
  settings: {
    intro:
      'パスワードとメールアドレスを変更できます。変更すると、登録されているメールアドレスに確認のメールが届きます。返却期限日のお知らせと、カレンダーへの返却期限日の表示もここで設定します。',
    emailHeading: 'メールアドレスの変更',
    emailDone: 'メールアドレスを変更しました。{{email}} に確認のメールをお送りします。',
    changing: '変更しています…',
    changeEmail: 'メールアドレスを変更する',
    passwordHeading: 'パスワードの変更',
    passwordDone:
      'パスワードを変更しました。ほかの端末でのログインは終了しました。確認のメールをお送りします。',
    currentPassword: '現在のパスワード',
    newPasswordHint: '{{rules}}生年月日や電話番号など推測しやすいものは使えません。',
    changePassword: 'パスワードを変更する',
    notificationsLoading: 'お知らせの設定を読み込んでいます…',
    notificationsFailed: 'お知らせの設定を読み込めませんでした。',
    notificationsIntro: '返却期限日が近づいたら、メール（またはこの端末へのプッシュ通知）でお知らせします。',
    notificationsSaved: 'お知らせの設定を保存しました。',
    daysBeforeHint: '(返却期限日の何日前にお知らせするか)',
    pushHint: '(オンにすると、ブラウザが通知の許可を求めます。資料名は通知に載せません)',
    saving: '保存しています…',
    saveNotifications: 'お知らせの設定を保存する',
    feedRenewed:
      'URLを作り直しました。前のURLは使えなくなりました。カレンダーアプリに新しいURLを登録してください。',
    feedCreated: 'カレンダー用のURLを発行しました。カレンダーアプリに登録してください。',
    feedStopped: 'カレンダーへの配信を停止しました。これまでのURLは使えません。',
    feedCopied: 'URLをコピーしました。',
    feedCopyFailed: 'コピーできませんでした。選択されたURLを長押し（または Ctrl+C）でコピーしてください。',
    feedHeading: 'カレンダーに返却期限日を表示',
    feedIntro:
      'お使いのカレンダーアプリ（スマートフォンのカレンダーなど）に、返却期限日を表示できます。延長すると新しい期限日に変わります。',
    feedUrl: 'カレンダー用URL',
    feedUrlHint:
      '(このURLを知っている人は返却期限日を見ることができます。人に教えないでください。URLはこの画面でしか表示されません)',
    feedCopy: 'コピー',
    feedOpen: 'カレンダーアプリで開く',
    feedRenew: 'URLを作り直す',
    feedCreate: 'カレンダー用のURLを発行する',
    feedStopHelp:
      'URLを発行済みで、カレンダーへの配信をやめたいときは「配信を停止する」を押してください。新しく発行すると、前のURLは使えなくなります。',
    feedStop: '配信を停止する',
    pushOn: 'この端末でプッシュ通知を受け取ります。',
    pushOff: 'この端末へのプッシュ通知を止めました。',
    pushHeading: 'プッシュ通知',
    pushIntro: '返却期限日のお知らせを、この端末（ホーム画面に追加したアプリ）に通知でもお送りします。',
    pushReceive: 'この端末でプッシュ通知を受け取る',
    pushUnsupported:
      'このブラウザはプッシュ通知に対応していません。iPhone・iPad では、ホーム画面に追加したアプリから設定してください。',
    pushDenied: 'ブラウザの設定で通知が許可されていません。',
    pushDismissed: '通知の許可が選ばれませんでした。もう一度お試しください。',
    pushNotReady: 'アプリの準備ができていません。ページを再読み込みしてからもう一度お試しください。',
    pushSubscribeFailed: 'プッシュ通知の登録に失敗しました。しばらくしてからもう一度お試しください。',
  },
} as const;
