import { Injectable } from '@nestjs/common';

/** A coordinator opened the contacts of some pledges of one shelter. */
export interface PledgeContactRead {
  actorId: string;
  shelterId: string;
  pledgeIds: string[];
}

/**
 * A port supplies offers the app: every opening of donors' contacts is told here, and the app
 * registers the audit log as its listener (the supplies lib may not import audit). Told before
 * the contacts leave the lib; a listener that fails fails the read, so nothing is read unlogged.
 */
@Injectable()
export class PledgeContactReads {
  private readonly listeners: ((read: PledgeContactRead) => Promise<void>)[] = [];

  register(listener: (read: PledgeContactRead) => Promise<void>): void {
    this.listeners.push(listener);
  }

  async opened(read: PledgeContactRead): Promise<void> {
    if (read.pledgeIds.length === 0) {
      return;
    }
    for (const listener of this.listeners) {
      await listener(read);
    }
  }
}
