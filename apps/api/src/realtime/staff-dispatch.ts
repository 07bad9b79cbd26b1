import {
  type StaffChange,
  type StaffCheck,
  type StaffConnection,
  type StaffListeners,
  type StaffNotifier,
  StaffNotifiers,
  type StaffSend,
  type StaffSignal,
  type Shelter,
} from '@albergue/shelters';
import { Injectable, Logger } from '@nestjs/common';

/**
 * Calls every registered notifier (StaffNotifiers) at each moment, one after another in the order
 * they registered: each moment's database reads stay one at a time, as they were when the
 * gateway made them itself, and a screen gets its messages in a steady order. A notifier that
 * fails is logged with the shelters' ids (never a message's content) and counted, and the others
 * still run: a board that could not be read does not keep the appointments from going out.
 */
@Injectable()
export class StaffDispatch {
  private readonly logger = new Logger(StaffDispatch.name);
  private failures = 0;

  constructor(private readonly notifiers: StaffNotifiers) {}

  /** Calls that failed since the start: messages to staff screens that could not be sent. */
  get undelivered(): number {
    return this.failures;
  }

  /** The PostgreSQL channels the notifiers listen to. */
  channels(): string[] {
    return this.notifiers.channels();
  }

  connected(connection: StaffConnection): Promise<void> {
    return this.each('on connect', connection.socket.shelters, (notifier) =>
      notifier.onConnect?.(connection),
    );
  }

  /** Shelter by shelter, as the feed read them. */
  async changed(shelters: Shelter[], listening: StaffListeners, send: StaffSend): Promise<void> {
    for (const shelter of shelters) {
      const change: StaffChange = { shelter, listening, send };
      await this.each('on change', [shelter.id], (notifier) => notifier.onChange?.(change));
    }
  }

  check(check: StaffCheck): Promise<void> {
    return this.each('on check', check.listening.shelters, (notifier) => notifier.onCheck?.(check));
  }

  /** Listening to the database (re)started: the notifiers catch up on what was lost meanwhile. */
  reconnected(check: StaffCheck): Promise<void> {
    return this.each('on reconnect', check.listening.shelters, (notifier) =>
      notifier.onReconnect?.(check),
    );
  }

  /** A notification on a channel some notifiers named: to those notifiers only. */
  async signalled(signal: StaffSignal): Promise<void> {
    for (const notifier of this.notifiers.all()) {
      if (!notifier.channels?.includes(signal.channel)) {
        continue;
      }
      try {
        await notifier.onSignal?.(signal);
      } catch (error) {
        this.failures += 1;
        this.logger.warn(
          `${notifier.name} on signal ${signal.channel} not sent: ${error instanceof Error ? error.name : 'error'}`,
        );
      }
    }
  }

  private async each(
    moment: string,
    shelterIds: string[],
    call: (notifier: StaffNotifier) => Promise<void> | void,
  ): Promise<void> {
    for (const notifier of this.notifiers.all()) {
      try {
        await call(notifier);
      } catch (error) {
        this.failures += 1;
        this.logger.warn(
          `${notifier.name} ${moment} not sent to shelters ${shelterIds.join(', ')}: ${error instanceof Error ? error.name : 'error'}`,
        );
      }
    }
  }
}
