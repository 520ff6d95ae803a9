/**
 * Panels that other areas add to the case page (court referral, 司法确认, 回访, documents), so the
 * case page does not need to know every area. Each panel decides whether it applies to a case.
 * Register a panel by adding it to `casePanels` below (import it from its area's folder).
 */
import type { ComponentType } from 'react';
import type { CaseDetail } from '../../../../electron/common/api/cases';
import { courtCasePanels } from '../court/panels';
import { DocumentsPanel } from '../documents/DocumentsPanel';

export interface CasePanelProps {
  detail: CaseDetail;
  /** Call after a change so the case page reloads the case (new version, timeline). */
  onChanged(): void;
}

export interface CasePanel {
  key: string;
  title: string;
  /** Whether the panel is shown for this case. */
  applies(detail: CaseDetail): boolean;
  Component: ComponentType<CasePanelProps>;
}

export const casePanels: CasePanel[] = [
  ...courtCasePanels,
  { key: 'documents', title: '文书', applies: () => true, Component: DocumentsPanel },
];
