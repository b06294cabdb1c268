import { PASSWORD_RESET_MAIL_TTL_MINUTES } from '@library/domain/registration';
import { useEffect } from 'react';
import { Redirect, useLocation, useSearchParams } from 'wouter';
import { Breadcrumbs, type Crumb } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { paths } from '../../config/paths.ts';
import {
  IdentityForm,
  type VerifiedForReset,
} from '../../features/password-reset/components/identity-form.tsx';
import { NewPasswordForm } from '../../features/password-reset/components/new-password-form.tsx';
import { RequestMailForm } from '../../features/password-reset/components/request-mail-form.tsx';
import {
  IdentityOption,
  PinManagedNotice,
  ResetComplete,
  ResetMailSent,
} from '../../features/password-reset/components/reset-pages.tsx';
import { commonJa } from '../../i18n/ja/common.ts';
import { passwordResetJa } from '../../i18n/ja/password-reset.ts';
import { useT } from '../../lib/i18n.ts';
import type { RoutedPage } from '../page-switch.tsx';
import { StepFlow, useStepState } from '../step-state.tsx';

interface ResetState {
  verified?: VerifiedForReset;
  /** The mailed link's token, taken out of the address bar. */
  mailToken?: string;
  done?: boolean;
}

/** The breadcrumbs and heading of every step; `step` and `crumb` are catalog keys. */
function Heading({ step, crumb }: { step?: string; crumb?: string }) {
  const t = useT(commonJa, passwordResetJa);
  const TITLE = t('loginPage.forgotPassword');
  const HOME: Crumb = { label: t('home.title'), to: paths.home };
  return (
    <>
      <Breadcrumbs
        items={
          crumb
            ? [HOME, { label: TITLE, to: paths.passwordReset }, { label: t(crumb) }]
            : [HOME, { label: TITLE }]
        }
      />
      <PageTitle title={step ? t('reset.titleStep', { step: t(step) }) : TITLE}>{TITLE}</PageTitle>
    </>
  );
}

/**
 * パスワードを忘れた方 (docs/product.md §11): by mail (number → mail → the link's form) or by identity
 * (as 新規パスワード登録 step 1 → the form), then completion. The identity path's token lives
 * only in this component's memory. `pinManagedByIls` (SIP2 `SIP2_PASSWORDS=ils`, wired by the
 * app when that mode is on) turns every page into the notice that the PIN is kept at the counter.
 */
export function Component({ pinManagedByIls = false }: { pinManagedByIls?: boolean }) {
  if (pinManagedByIls) {
    return (
      <>
        <Heading />
        <PinManagedNotice loginPath={paths.login} />
      </>
    );
  }
  return <StepFlow steps={STEPS} />;
}

/**
 * /password-reset: the two ways. With `?token=…` (the mailed link) the token is moved into
 * memory and the address replaced, so the browser's history (a library PC) does not keep it.
 */
function ChooseStep() {
  const [, setState] = useStepState<ResetState>();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const t = useT(passwordResetJa);
  const token = params.get('token');
  useEffect(() => {
    if (token === null) return;
    setState({ mailToken: token });
    navigate(paths.passwordResetPassword, { replace: true });
  }, [token, setState, navigate]);
  if (token !== null) return null;
  return (
    <>
      <Heading />
      <p>{t('reset.intro')}</p>
      <RequestMailForm onSent={() => navigate(paths.passwordResetSent)} />
      <IdentityOption identityPath={paths.passwordResetIdentity} />
    </>
  );
}

function SentStep() {
  return (
    <>
      <Heading step="reset.stepMail" crumb="reset.sentHeading" />
      <ResetMailSent
        identityPath={paths.passwordResetIdentity}
        validMinutes={PASSWORD_RESET_MAIL_TTL_MINUTES}
      />
    </>
  );
}

function IdentityStep() {
  const [, setState] = useStepState<ResetState>();
  const [, navigate] = useLocation();
  return (
    <>
      <Heading step="reset.stepIdentity" crumb="reset.identityHeading" />
      <IdentityForm
        registrationPath={paths.registration}
        onVerified={(verified) => {
          setState({ verified });
          navigate(paths.passwordResetPassword);
        }}
      />
    </>
  );
}

/** The new password, by the mailed link's token or the identity check's. */
function PasswordStep() {
  const [state, setState] = useStepState<ResetState>();
  const [, navigate] = useLocation();
  const { verified, mailToken } = state;
  // Just reset: the navigation to the completion page is under way.
  if (state.done) return null;
  const resetToken = verified?.resetToken ?? mailToken;
  if (!resetToken) return <Redirect to={paths.passwordReset} replace />;
  return (
    <>
      <Heading step="reset.stepPassword" crumb="reset.crumbPassword" />
      <NewPasswordForm
        resetToken={resetToken}
        context={
          verified
            ? { patronNumber: verified.patronNumber, birthDate: verified.birthDate, phone: verified.phone }
            : {}
        }
        restartPath={verified ? paths.passwordResetIdentity : paths.passwordReset}
        onReset={() => {
          // The token is spent: forget it, and keep Back from returning to this form.
          setState({ done: true });
          navigate(paths.passwordResetComplete, { replace: true });
        }}
      />
    </>
  );
}

function CompleteStep() {
  const [state] = useStepState<ResetState>();
  if (!state.done) return <Redirect to={paths.passwordReset} replace />;
  return (
    <>
      <Heading step="reset.stepDone" crumb="reset.stepDone" />
      <ResetComplete loginPath={paths.login} />
    </>
  );
}

/** The steps of the flow, by path. */
const STEPS: readonly RoutedPage[] = [
  [paths.passwordReset, ChooseStep],
  [paths.passwordResetSent, SentStep],
  [paths.passwordResetIdentity, IdentityStep],
  [paths.passwordResetPassword, PasswordStep],
  [paths.passwordResetComplete, CompleteStep],
];
