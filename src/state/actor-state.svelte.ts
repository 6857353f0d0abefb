/**
 * Who this browser's user is, as the audit log names them: set once, kept
 * in the workspace's local settings (not audited), `local-user` until set.
 */
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** Who the audit log names for actions taken in this browser until a name is set. */
export const LOCAL_ACTOR = 'local-user';

const SETTING = 'actor';
const MAX_LENGTH = 64;

export class ActorState {
  /** The name new events carry. */
  name = $state(LOCAL_ACTOR);
  loaded = $state(false);
  error = $state<string | null>(null);
  #loading: Promise<void> | null = null;
  readonly #store: WorkspaceContext['store'];

  /** The actor is what the context's `actor()` reads, so it is built from the store alone. */
  constructor({ store, changes }: Pick<WorkspaceContext, 'store' | 'changes'>) {
    this.#store = store;
    changes.subscribe(['erased'], () => this.forget());
  }

  /** Reads the stored name once; concurrent callers share the read. */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      const outcome = await runThrowing(() => this.#store.getSetting(SETTING));
      if (!outcome.ok) this.error = outcome.message;
      else if (typeof outcome.value === 'string' && outcome.value.trim()) this.name = outcome.value;
      this.loaded = true;
    })();
    return this.#loading;
  }

  /** Stores a new name; an empty or overlong one is refused with a message. */
  async save(name: string): Promise<boolean> {
    const trimmed = name.trim();
    if (!trimmed) {
      this.error = 'Your name cannot be empty: the audit log records who did each action. Enter a name or initials.';
      return false;
    }
    if (trimmed.length > MAX_LENGTH) {
      this.error = `That name is ${trimmed.length} characters long. Use at most ${MAX_LENGTH}.`;
      return false;
    }
    const outcome = await runThrowing(() => this.#store.setSetting(SETTING, trimmed));
    if (!outcome.ok) {
      this.error = outcome.message;
      return false;
    }
    this.error = null;
    this.name = trimmed;
    return true;
  }

  /** Back to the default after the workspace (and its settings) was erased. */
  forget(): void {
    this.name = LOCAL_ACTOR;
    this.error = null;
  }

  dismissError(): void {
    this.error = null;
  }
}
