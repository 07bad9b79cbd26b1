import { type DynamicModule, Module } from '@nestjs/common';
import { Ledger } from './ledger.js';
import { MealsService } from './meals.service.js';
import { StockService } from './stock.service.js';
import { StockTransfersService } from './stock-transfers.service.js';
import { SUPPLIES_OPTIONS, type SuppliesOptions } from './supplies.options.js';
import { SuppliesResolver } from './supplies.resolver.js';
import { SupplyItemsService } from './supply-items.service.js';
import { SupplyScopes } from './supply-scopes.js';

@Module({})
export class SuppliesModule {
  /** `uses`: the configured modules whose services supplies call (shelters). */
  static forRoot(options: SuppliesOptions, uses: DynamicModule[]): DynamicModule {
    return {
      module: SuppliesModule,
      imports: uses,
      providers: [
        { provide: SUPPLIES_OPTIONS, useValue: options },
        Ledger,
        SupplyItemsService,
        StockService,
        MealsService,
        StockTransfersService,
        SupplyScopes,
        SuppliesResolver,
      ],
      exports: [SupplyItemsService, StockService, MealsService, StockTransfersService],
    };
  }
}
