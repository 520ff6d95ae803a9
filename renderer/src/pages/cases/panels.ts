/**
 * Panels that other areas add to the case page (court referral, 司法确认, 回访, documents), so the
 * case page does not need to know every area. Each panel decides whether it applies to a case.
 * Register a panel by adding it to `casePanels` below (import it from its area's folder); a panel
 * takes its types from panelTypes.ts, never from this file, so that no import cycle forms.
 */
import { courtCasePanels } from '../court/panels';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import type { CasePanel } from './panelTypes';

export const casePanels: CasePanel[] = [
  ...courtCasePanels,
  { key: 'documents', title: '文书', applies: () => true, Component: DocumentsPanel },
];
