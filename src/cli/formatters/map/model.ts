/** The data every `keyplan map` format is given: one account's decision-chain map, laid out. */
import type { MapLayout } from '../../../core/map/layout.js';
import type { MapModel } from '../../../core/map/model.js';

export interface DecisionMap {
  model: MapModel;
  layout: MapLayout;
}
