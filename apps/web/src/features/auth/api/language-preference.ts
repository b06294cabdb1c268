import type { Language } from '@library/domain';
import type { NotificationPreferences } from '@library/domain/notifications';
import { api } from '../../../lib/api-client.ts';

/**
 * Saves the language for the signed-in patron (mails follow it, SPEC §12). The PUT takes the
 * whole settings object, so it sends back what it read with the language changed. Best effort:
 * the device remembers the choice anyway.
 */
export async function saveLanguage(language: Language): Promise<void> {
  try {
    const settings = await api<NotificationPreferences>('/me/notifications');
    if (settings.language === language) return;
    await api('/me/notifications', { method: 'PUT', body: { ...settings, language } });
  } catch {
    // Not signed in any more, offline, or a server without the setting: nothing to save.
  }
}
