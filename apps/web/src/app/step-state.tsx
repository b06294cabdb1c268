import { createContext, type ReactNode, useContext, useState } from 'react';

type StepState<T> = [T, (next: T) => void];

const StepContext = createContext<StepState<unknown> | undefined>(undefined);

/**
 * The state a multi-step flow keeps in memory between its pages (新規パスワード登録,
 * パスワードを忘れた方): the parent route holds it, its steps read and replace it. Tokens live
 * here, never in the URL or storage.
 */
export function StepStateProvider<T>({ initial, children }: { initial: T; children: ReactNode }) {
  const state = useState<T>(initial);
  return <StepContext.Provider value={state as StepState<unknown>}>{children}</StepContext.Provider>;
}

export function useStepState<T>(): StepState<T> {
  const state = useContext(StepContext);
  if (!state) throw new Error('useStepState outside its StepStateProvider');
  return state as StepState<T>;
}
