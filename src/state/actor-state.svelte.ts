/**
 * Who this browser's user is, as the audit log names them: set once, kept
 * in the workspace's local settings (not audited), `local-user` until set.
 */
import { LOCAL_ACTOR, workspaceStore } from './services.ts';
import { runThrowing } from './run-result.ts';

const SETTING = 'actor';
const MAX_LENGTH = 64;

export class ActorState {
  /** The name new events carry. */
  name = $state(LOCAL_ACTOR);
  loaded = $state(false);
  error = $state<string | null>(null);
  #loading: Promise<void> | null = null;

  /** Reads the stored name once; concurrent callers share the read. */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      const outcome = await runThrowing(() => workspaceStore().getSetting(SETTING));
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
    const outcome = await runThrowing(() => workspaceStore().setSetting(SETTING, trimmed));
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

/** The app's one actor. */
export const actor = new ActorState();

/** The name to put on an event being written now. */
export function currentActor(): string {
  return actor.name;
}
