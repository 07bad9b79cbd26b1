import { type Actor, IdempotencyService, Role } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import type {
  CreateSupplyItemInput,
  SupplyItemNamesInput,
  SupplyItemsArgs,
  UpdateSupplyItemInput,
} from './dto/supply-item.input.js';
import { Ledger } from './ledger.js';
import { SupplyCategory } from './supplies.enums.js';
import { SuppliesException, SuppliesExceptionCode } from './supplies.exception.js';
import type { SupplyItemView } from './supplies.views.js';
import { SupplyItem, type SupplyItemNames } from './supply-item.entity.js';

const LANGUAGES = ['es', 'en', 'fr', 'ht', 'pt'] as const;

export function itemView(item: SupplyItem): SupplyItemView {
  return {
    id: item.id,
    shelterId: item.shelterId,
    names: {
      es: item.names.es ?? null,
      en: item.names.en ?? null,
      fr: item.names.fr ?? null,
      ht: item.names.ht ?? null,
      pt: item.names.pt ?? null,
    },
    category: item.category,
    unit: item.unit,
    kcalPerUnit: item.kcalPerUnit === null ? null : Number(item.kcalPerUnit),
    active: item.active,
  };
}

function cleanNames(input: SupplyItemNamesInput, network: boolean): SupplyItemNames {
  const names: SupplyItemNames = {};
  for (const language of LANGUAGES) {
    const name = input[language]?.trim();
    if (name) {
      names[language] = name;
    }
  }
  const missing = LANGUAGES.filter((language) => !names[language]);
  if (network ? missing.length > 0 : missing.length === LANGUAGES.length) {
    throw new SuppliesException(
      network
        ? 'A network item is named in all five languages (es, en, fr, ht, pt).'
        : 'An item needs a name in at least one language.',
      SuppliesExceptionCode.ITEM_FIELDS_INVALID,
      (network ? missing : LANGUAGES).map((language) => `input.names.${language}`),
    );
  }
  return names;
}

function checkKcal(category: SupplyCategory, kcal: number | null | undefined): void {
  if (kcal == null) {
    return;
  }
  if (category !== SupplyCategory.FOOD || !(kcal > 0) || kcal > 100_000) {
    throw new SuppliesException(
      'kcalPerUnit is for food only: more than zero, at most 100,000.',
      SuppliesExceptionCode.ITEM_FIELDS_INVALID,
      ['input.kcalPerUnit'],
    );
  }
}

/** The catalogue: admins keep the network items; a shelter's coordinator adds its own. */
@Injectable()
export class SupplyItemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: Ledger,
  ) {}

  async create(input: CreateSupplyItemInput, actor: Actor): Promise<SupplyItemView> {
    const shelterId = input.shelterId ?? null;
    if (shelterId === null && actor.networkRole !== Role.ADMIN) {
      // The guard lets a coordinator in only with a shelter; this keeps the rule in one sentence.
      throw new SuppliesException(
        'Only admins add network items; a coordinator names the shelter.',
        SuppliesExceptionCode.ITEM_FIELDS_INVALID,
        ['input.shelterId'],
      );
    }
    const names = cleanNames(input.names, shelterId === null);
    checkKcal(input.category, input.kcalPerUnit);
    const { id } = await this.idempotency.run(
      'createSupplyItem',
      input,
      async (manager, fields) => {
        if (shelterId) {
          await this.ledger.checkShelter(manager, shelterId, 'input.shelterId');
        }
        const id = randomUUID();
        await manager.insert(SupplyItem, {
          id,
          shelterId,
          names,
          category: fields.category,
          unit: fields.unit,
          kcalPerUnit: fields.kcalPerUnit == null ? null : String(fields.kcalPerUnit),
          active: true,
          createdBy: actor.userId,
        });
        return id;
      },
    );
    return this.get(id);
  }

  async update(id: string, input: UpdateSupplyItemInput): Promise<SupplyItemView> {
    await this.dataSource.transaction(async (manager) => {
      const item = await manager.findOne(SupplyItem, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!item) {
        throw new SuppliesException(
          'No supply item has this id.',
          SuppliesExceptionCode.ITEM_NOT_FOUND,
          ['id'],
        );
      }
      if (input.names) {
        item.names = cleanNames(input.names, item.shelterId === null);
      }
      if (input.category) {
        item.category = input.category;
      }
      if (input.kcalPerUnit !== undefined) {
        item.kcalPerUnit = input.kcalPerUnit === null ? null : String(input.kcalPerUnit);
      }
      if (input.active != null) {
        item.active = input.active;
      }
      checkKcal(item.category, item.kcalPerUnit === null ? null : Number(item.kcalPerUnit));
      await manager.update(
        SupplyItem,
        { id },
        {
          names: item.names,
          category: item.category,
          kcalPerUnit: item.kcalPerUnit,
          active: item.active,
        },
      );
    });
    return this.get(id);
  }

  async get(id: string): Promise<SupplyItemView> {
    const [item] = await this.byIds([id]);
    if (!item) {
      throw new SuppliesException(
        'No supply item has this id.',
        SuppliesExceptionCode.ITEM_NOT_FOUND,
        ['id'],
      );
    }
    return item;
  }

  /** The network's items, and a shelter's own when one is named; by category, then Spanish name. */
  async list(args: SupplyItemsArgs): Promise<SupplyItemView[]> {
    const query = this.dataSource
      .getRepository(SupplyItem)
      .createQueryBuilder('i')
      .where(
        args.shelterId
          ? '(i.shelter_id IS NULL OR i.shelter_id = :shelter)'
          : 'i.shelter_id IS NULL',
        {
          shelter: args.shelterId,
        },
      )
      .orderBy('i.category', 'ASC')
      .addOrderBy("i.names->>'es'", 'ASC')
      .addOrderBy('i.id', 'ASC');
    if (!args.includeInactive) {
      query.andWhere('i.active');
    }
    return (await query.getMany()).map(itemView);
  }

  async byIds(ids: string[]): Promise<SupplyItemView[]> {
    if (ids.length === 0) {
      return [];
    }
    const items = await this.dataSource.getRepository(SupplyItem).find({
      where: { id: In(ids) },
      order: { category: 'ASC', id: 'ASC' },
    });
    return items.map(itemView);
  }
}
