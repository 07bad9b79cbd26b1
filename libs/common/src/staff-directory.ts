import { Injectable } from '@nestjs/common';

type NamesLookup = (userIds: string[]) => Promise<Map<string, string>>;

/**
 * Staff display names by user id, for libs that show who did something (a resident's history)
 * without knowing the auth lib: auth provides the look-up, the others ask here.
 */
@Injectable()
export class StaffDirectory {
  private lookup: NamesLookup = () => Promise.resolve(new Map());

  provide(lookup: NamesLookup): void {
    this.lookup = lookup;
  }

  /** userId -> display name, for those ids that name an account; one read for all of them. */
  displayNames(userIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds)];
    return ids.length === 0 ? Promise.resolve(new Map()) : this.lookup(ids);
  }
}
