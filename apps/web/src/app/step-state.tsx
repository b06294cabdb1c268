import { createContext, useContext, useState } from 'react';
import { PageSwitch, type RoutedPage } from './page-switch.tsx';
import { Component as NotFound } from './routes/not-found.tsx';

type StepState<T> = [T, (next: T) => void];

const StepContext = createContext<StepState<unknown> | undefined>(undefined);

/**
 * A multi-step flow (新規パスワード登録, パスワードを忘れた方): its steps, one route each (the
 * first match wins; any other path below the flow is the not-found page), and the state the flow
 * keeps in memory between them, which starts empty: the steps read and replace it
 * (`useStepState`). Tokens live here, never in the URL or storage.
 */
export function StepFlow({ steps }: { steps: readonly RoutedPage[] }) {
  const state = useState<unknown>({});
  return (
    <StepContext.Provider value={state as StepState<unknown>}>
      <PageSwitch pages={steps} fallback={<NotFound />} />
    </StepContext.Provider>
  );
}

export function useStepState<T>(): StepState<T> {
  const state = useContext(StepContext);
  if (!state) throw new Error('useStepState outside its StepFlow');
  return state as StepState<T>;
}
