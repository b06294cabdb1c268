import type { Language } from '@library/domain';
import { setLanguage, useLanguage } from '../../lib/i18n.ts';

const CHOICES: Array<{ lang: Language; label: string }> = [
  { lang: 'ja', label: '日本語' },
  { lang: 'en', label: 'English' },
];

/**
 * 日本語 / English in the header of every page (SPEC §12). Each label is in its own language
 * (and marked so for screen readers); the one on screen is pressed. `onChange` lets the layout
 * save the choice for a signed-in patron.
 */
export function LanguageSwitch({ label, onChange }: { label: string; onChange?: (lang: Language) => void }) {
  const current = useLanguage();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{label}</legend>
      {CHOICES.map(({ lang, label: name }) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="button button-header button-language"
          aria-pressed={current === lang}
          onClick={() => {
            if (lang === current) return;
            void setLanguage(lang).then(() => onChange?.(lang));
          }}
        >
          {name}
        </button>
      ))}
    </fieldset>
  );
}
