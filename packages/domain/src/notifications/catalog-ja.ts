import { pushSubscriptionMessages } from '../push/push-subscription.ts';
import { NOTIFICATION_LABELS, notificationMessages } from './notification-preferences.ts';

/** The Japanese texts of お知らせの設定 and web push (add them with `addCatalog`). */
export const notificationCatalogJa = {
  notification: notificationMessages,
  notificationLabels: NOTIFICATION_LABELS,
  pushSubscription: pushSubscriptionMessages,
} as const;
