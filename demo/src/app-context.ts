import type { CairnApi } from './cairn.ts';
import type { Router } from './router.ts';
import type { Session } from './session.ts';
import type { Store } from './store.ts';

/** What every view receives: the state, analytics, navigation and who is signed in. */
export interface AppContext {
  store: Store;
  cairn: CairnApi;
  router: Router;
  session: Session;
  /** Shows a short confirmation in the shell's status region (it outlives the view's re-render). */
  notify(message: string): void;
  /** Signs in as a user who signs up right now (the onboarding experience), then reloads. */
  startAsNewUser(): void;
  /** A link that signs in as the current user in another browser, to follow progress across devices. */
  deviceLink(): string;
}
