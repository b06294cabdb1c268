import { type ReactNode, useState } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';

/** The app's router (wouter) on an in-memory address starting at `url` (path and query). */
export function MemoryRouter({ url = '/', children }: { url?: string; children: ReactNode }) {
  const [location] = useState(() => memoryLocation({ path: url, record: true }));
  return (
    <Router hook={location.hook} searchHook={location.searchHook}>
      {children}
    </Router>
  );
}
