import { type DeclaredPolicy, POLICY } from '@albergue/common';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

// Set by @Query and @Mutation (@nestjs/graphql's RESOLVER_TYPE_METADATA and RESOLVER_NAME_METADATA).
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

export interface PolicyRow {
  type: 'Query' | 'Mutation';
  operation: string;
  policy: DeclaredPolicy | undefined;
}

/**
 * Every GraphQL operation with its declared policy, read from the resolvers at boot. An operation
 * without one is denied to everybody by the guard; the start refuses to go on with one, so a new
 * resolver cannot ship without saying who may use it. The authorisation matrix spec walks this table.
 */
@Injectable()
export class PolicyRegistry implements OnModuleInit {
  private rows: PolicyRow[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    this.rows = this.discovery.getProviders().flatMap(({ instance }) => {
      if (!instance || typeof instance !== 'object') {
        return [];
      }
      const prototype = Object.getPrototypeOf(instance) as object;
      return this.scanner.getAllMethodNames(prototype).flatMap((name): PolicyRow[] => {
        const method = (prototype as Record<string, unknown>)[name] as object;
        const type = Reflect.getMetadata(RESOLVER_TYPE, method) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation') {
          return [];
        }
        const operation =
          (Reflect.getMetadata(RESOLVER_NAME, method) as string | undefined) ?? name;
        return [
          {
            type,
            operation,
            policy: Reflect.getMetadata(POLICY, method) as DeclaredPolicy | undefined,
          },
        ];
      });
    });
    const missing = this.rows.filter((row) => !row.policy).map((row) => row.operation);
    if (missing.length > 0) {
      throw new Error(`GraphQL operations without a declared policy: ${missing.join(', ')}`);
    }
  }

  table(): PolicyRow[] {
    return [...this.rows].sort((a, b) => a.operation.localeCompare(b.operation));
  }
}
