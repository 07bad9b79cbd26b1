import { type DynamicModule, Module } from '@nestjs/common';
import { SupplyFiguresResolver } from './figures/supply-figures.resolver.js';
import { SupplyFigures } from './figures/supply-figures.service.js';
import { FoodDaysService } from './food-days.service.js';
import { Ledger } from './ledger.js';
import { MealsService } from './meals.service.js';
import { PledgeContactReads } from './pledge-contact-reads.js';
import { PublicNeeds } from './public-needs.js';
import { StockService } from './stock.service.js';
import { StockTransfersService } from './stock-transfers.service.js';
import { SUPPLIES_OPTIONS, type SuppliesOptions } from './supplies.options.js';
import { SuppliesResolver } from './supplies.resolver.js';
import { SupplyAlertsNotifier } from './supply-alerts.notifier.js';
import { SupplyAlertsResolver } from './supply-alerts.resolver.js';
import { SupplyAlerts } from './supply-alerts.service.js';
import { SupplyItemsService } from './supply-items.service.js';
import { SupplyNeedsResolver } from './supply-needs.resolver.js';
import { SupplyNeeds } from './supply-needs.service.js';
import { SupplyPledgesResolver } from './supply-pledges.resolver.js';
import { SupplyPledges } from './supply-pledges.service.js';
import { SupplyThresholds } from './supply-thresholds.service.js';
import { SupplyScopes } from './supply-scopes.js';

@Module({})
export class SuppliesModule {
  /** `uses`: the configured modules whose services supplies call (shelters, the vault). */
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
        FoodDaysService,
        SupplyThresholds,
        SupplyAlerts,
        SupplyAlertsNotifier,
        SupplyNeeds,
        PublicNeeds,
        SupplyPledges,
        PledgeContactReads,
        SupplyFigures,
        SupplyScopes,
        SuppliesResolver,
        SupplyAlertsResolver,
        SupplyNeedsResolver,
        SupplyPledgesResolver,
        SupplyFiguresResolver,
      ],
      exports: [
        SupplyItemsService,
        StockService,
        MealsService,
        StockTransfersService,
        FoodDaysService,
        SupplyAlerts,
        SupplyThresholds,
        SupplyNeeds,
        PublicNeeds,
        SupplyPledges,
        PledgeContactReads,
      ],
    };
  }
}
