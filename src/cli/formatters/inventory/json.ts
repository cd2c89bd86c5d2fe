/** `keyplan report --inventory --format json`: the inventory as the core builds it (undefined = not recorded, left out). */
import type { Inventory } from '../../../core/report/inventory.js';
import type { Formatter } from '../formatter.js';

export const json: Formatter<Inventory> = (inv) => JSON.stringify(inv, null, 2) + '\n';
