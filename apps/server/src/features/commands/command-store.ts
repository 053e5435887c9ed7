// The persistence port of commands, and an in-memory implementation (tests, and until the
// database tables exist — see README.md). `update` is a compare-and-set on the state so two
// writers never both move one command.
import { DomainError } from '../../errors.js';
import type { Command, CommandState } from './command-types.js';

export interface CommandQuery {
  chargePointId?: string;
  states?: readonly CommandState[];
  bulkActionId?: string;
}

export interface CommandStore {
  insert(command: Command): Promise<void>;
  /** Stores `command` only if the stored one is still in `expectedState`. */
  update(command: Command, expectedState: CommandState): Promise<void>;
  get(id: string): Promise<Command | undefined>;
  list(query?: CommandQuery): Promise<Command[]>;
}

export class InMemoryCommandStore implements CommandStore {
  private readonly commands = new Map<string, Command>();

  insert(command: Command): Promise<void> {
    if (this.commands.has(command.id)) return Promise.reject(new DomainError('conflict', `Command ${command.id} exists already.`));
    this.commands.set(command.id, structuredClone(command));
    return Promise.resolve();
  }

  update(command: Command, expectedState: CommandState): Promise<void> {
    const stored = this.commands.get(command.id);
    if (!stored) return Promise.reject(new DomainError('not_found', `There is no command ${command.id}.`));
    if (stored.state !== expectedState) {
      return Promise.reject(new DomainError('conflict', `Command ${command.id} changed meanwhile (now ${stored.state}); reload it.`, { commandId: command.id, state: stored.state }));
    }
    this.commands.set(command.id, structuredClone(command));
    return Promise.resolve();
  }

  get(id: string): Promise<Command | undefined> {
    const c = this.commands.get(id);
    return Promise.resolve(c ? structuredClone(c) : undefined);
  }

  list(query: CommandQuery = {}): Promise<Command[]> {
    const out = [...this.commands.values()].filter(
      (c) =>
        (query.chargePointId === undefined || c.chargePointId === query.chargePointId) &&
        (query.states === undefined || query.states.includes(c.state)) &&
        (query.bulkActionId === undefined || c.bulkActionId === query.bulkActionId),
    );
    return Promise.resolve(structuredClone(out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())));
  }
}
