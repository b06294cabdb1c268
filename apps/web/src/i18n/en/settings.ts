import type { CatalogOf } from '@library/domain';
import type { settingsJa } from '../ja/settings.ts';

export const settingsEn = {
  settings: {
    intro:
      'You can change your password and email address here; after a change, a confirmation mail is sent to your registered address. Reminders of due dates and the calendar feed are set here too.',
    emailHeading: 'Change your email address',
    emailDone: 'Your email address has been changed. A confirmation mail is being sent to {{email}}.',
    changing: 'Changing…',
    changeEmail: 'Change email address',
    passwordHeading: 'Change your password',
    passwordDone:
      'Your password has been changed. You have been logged out on other devices. A confirmation mail is being sent.',
    currentPassword: 'Current password',
    newPasswordHint: '{{rules}} Nothing easy to guess such as your date of birth or phone number.',
    changePassword: 'Change password',
    notificationsLoading: 'Loading your reminder settings…',
    notificationsFailed: 'Your reminder settings could not be loaded.',
    notificationsIntro:
      'When a due date comes near, we remind you by email (or by a push notification to this device).',
    notificationsSaved: 'Your reminder settings have been saved.',
    daysBeforeHint: '(how many days before the due date)',
    pushHint:
      '(When you switch it on, the browser asks for permission. Titles are never shown in a notification)',
    saving: 'Saving…',
    saveNotifications: 'Save reminder settings',
    feedRenewed:
      'A new URL has been made and the old one no longer works. Please add the new URL to your calendar app.',
    feedCreated: 'A calendar URL has been made. Please add it to your calendar app.',
    feedStopped: 'The calendar feed has been stopped. The URL no longer works.',
    feedCopied: 'URL copied.',
    feedCopyFailed: 'The URL could not be copied. Long-press the selected URL (or press Ctrl+C) to copy it.',
    feedHeading: 'Show due dates in your calendar',
    feedIntro:
      'You can show your due dates in your calendar app (such as your smartphone’s calendar). A renewal moves them to the new date.',
    feedUrl: 'Calendar URL',
    feedUrlHint:
      '(Anyone who knows this URL can see your due dates. Do not share it. The URL is shown only on this page)',
    feedCopy: 'Copy',
    feedOpen: 'Open in a calendar app',
    feedRenew: 'Make a new URL',
    feedCreate: 'Make a calendar URL',
    feedStopHelp:
      'If you have a URL and want to stop the calendar feed, press “Stop the feed”. Making a new URL stops the old one.',
    feedStop: 'Stop the feed',
    pushOn: 'This device will receive push notifications.',
    pushOff: 'Push notifications to this device have been stopped.',
    pushHeading: 'Push notifications',
    pushIntro:
      'We also send due date reminders as a notification to this device (the app added to your home screen).',
    pushReceive: 'Receive push notifications on this device',
    pushUnsupported:
      'This browser does not support push notifications. On an iPhone or iPad, set it up in the app added to your home screen.',
    pushDenied: 'Notifications are not allowed in your browser’s settings.',
    pushDismissed: 'No choice was made about notifications. Please try again.',
    pushNotReady: 'The app is not ready yet. Please reload the page and try again.',
    pushSubscribeFailed: 'Push notifications could not be set up. Please try again later.',
  },
} as const satisfies CatalogOf<typeof settingsJa>;
