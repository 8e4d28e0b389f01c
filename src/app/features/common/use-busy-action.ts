// The work behind a button: `busy` while it runs (so the button is disabled against a double
// tap), and `failure` holding what it threw, cleared when the next run starts.
import { useState } from 'preact/hooks';

export function useBusyAction(): {
  busy: boolean;
  failure: unknown;
  run: (work: () => Promise<void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}
