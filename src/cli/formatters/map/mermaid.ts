/** `keyplan map --format mermaid`: a Mermaid `flowchart TD`, ready for a ```mermaid block in a pull request or a brief. */
import { renderMermaid } from '../../../core/map/mermaid.js';
import type { Formatter } from '../formatter.js';
import type { DecisionMap } from './model.js';

export const mermaid: Formatter<DecisionMap> = ({ model }, { locale }) => renderMermaid(model, { locale });
