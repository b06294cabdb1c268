import { Link, Redirect, useLocation } from 'wouter';
import { Breadcrumbs } from '../../components/layout/breadcrumbs.tsx';
import { PageTitle } from '../../components/layout/page-title.tsx';
import { paths } from '../../config/paths.ts';
import type { CompleteRegistrationResult } from '../../features/registration/api/complete-registration.ts';
import { PasswordForm } from '../../features/registration/components/password-form.tsx';
import { RegistrationComplete } from '../../features/registration/components/registration-complete.tsx';
import { type VerifiedPatron, VerifyForm } from '../../features/registration/components/verify-form.tsx';
import { commonJa } from '../../i18n/ja/common.ts';
import { registrationJa } from '../../i18n/ja/registration.ts';
import { useT } from '../../lib/i18n.ts';
import type { RoutedPage } from '../page-switch.tsx';
import { StepFlow, useStepState } from '../step-state.tsx';

interface RegistrationState {
  verified?: VerifiedPatron;
  result?: CompleteRegistrationResult;
}

/**
 * 新規パスワード登録: step 1 (利用者の認証), step 2 (新規パスワードの登録), completion. The
 * registration token lives only in this component's memory, never in the URL or storage.
 */
export function Component() {
  return <StepFlow steps={STEPS} />;
}

function VerifyStep() {
  const t = useT(commonJa, registrationJa);
  const TITLE = t('home.registration');
  const [, setState] = useStepState<RegistrationState>();
  const [, navigate] = useLocation();
  return (
    <>
      <Breadcrumbs items={[{ label: t('home.title'), to: paths.home }, { label: TITLE }]} />
      <PageTitle title={TITLE}>{TITLE}</PageTitle>
      <VerifyForm
        loginPath={paths.login}
        passwordResetPath={paths.passwordReset}
        onVerified={(verified) => {
          setState({ verified });
          navigate(paths.registrationPassword);
        }}
      />
      <p className="form-footer">
        {t('reg.forgotIntro')} <Link to={paths.passwordReset}>{t('loginPage.forgotPassword')}</Link>
      </p>
    </>
  );
}

function PasswordStep() {
  const t = useT(commonJa, registrationJa);
  const TITLE = t('home.registration');
  const [state, setState] = useStepState<RegistrationState>();
  const [, navigate] = useLocation();
  const { verified } = state;
  // Just registered: the navigation to the completion page is under way.
  if (!verified && state.result) return null;
  if (!verified) return <Redirect to={paths.registration} replace />;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('home.title'), to: paths.home },
          { label: TITLE, to: paths.registration },
          { label: TITLE },
        ]}
      />
      <PageTitle title={t('reg.passwordStepTitle')}>{TITLE}</PageTitle>
      <PasswordForm
        registrationToken={verified.registrationToken}
        currentEmail={verified.currentEmail}
        context={{
          patronNumber: verified.patronNumber,
          birthDate: verified.birthDate,
          phone: verified.phone,
        }}
        onRegistered={(result) => {
          // The token is spent: forget it, and keep Back from returning to this form.
          setState({ result });
          navigate(paths.registrationComplete, { replace: true });
        }}
        onRestart={() => {
          setState({});
          navigate(paths.registration, { replace: true });
        }}
      />
    </>
  );
}

function CompleteStep() {
  const t = useT(commonJa, registrationJa);
  const TITLE = t('home.registration');
  const [state] = useStepState<RegistrationState>();
  if (!state.result) return <Redirect to={paths.registration} replace />;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('home.title'), to: paths.home },
          { label: TITLE, to: paths.registration },
          { label: t('reg.complete') },
        ]}
      />
      <PageTitle title={t('reg.completeStepTitle')}>{TITLE}</PageTitle>
      <RegistrationComplete mailTo={state.result.mailTo} loginPath={paths.login} />
    </>
  );
}

/** The steps of the flow, by path. */
const STEPS: readonly RoutedPage[] = [
  [paths.registration, VerifyStep],
  [paths.registrationPassword, PasswordStep],
  [paths.registrationComplete, CompleteStep],
];
