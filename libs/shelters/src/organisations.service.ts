import { IdempotencyService } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import type { CreateOrganisationInput, UpdateOrganisationInput } from './dto/organisation.input.js';
import { Organisation } from './organisation.entity.js';
import { SheltersException, SheltersExceptionCode } from './shelters.exception.js';

export const ORGANISATION_LOADER = Symbol('organisation');

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
  ) {}

  async create(input: CreateOrganisationInput): Promise<Organisation> {
    const { id } = await this.idempotency.run(
      'createOrganisation',
      input,
      async (manager, fields) => {
        const saved = await manager.save(Organisation, manager.create(Organisation, fields));
        return saved.id;
      },
    );
    return this.get(id);
  }

  async update(id: string, input: UpdateOrganisationInput): Promise<Organisation> {
    await this.get(id);
    await this.dataSource.getRepository(Organisation).update({ id }, input);
    return this.get(id);
  }

  async get(id: string): Promise<Organisation> {
    const organisation = await this.dataSource.getRepository(Organisation).findOneBy({ id });
    if (!organisation) {
      throw new SheltersException(
        'No organisation has this id.',
        SheltersExceptionCode.ORGANISATION_NOT_FOUND,
        ['id'],
      );
    }
    return organisation;
  }

  list(): Promise<Organisation[]> {
    return this.dataSource.getRepository(Organisation).find({ order: { name: 'ASC' } });
  }

  /** Batches every organisation a GraphQL request asks for into one query. */
  createLoader(): DataLoader<string, Organisation | null> {
    return new DataLoader(async (ids) => {
      const found = await this.dataSource.getRepository(Organisation).findBy({ id: In([...ids]) });
      const byId = new Map(found.map((organisation) => [organisation.id, organisation]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}
