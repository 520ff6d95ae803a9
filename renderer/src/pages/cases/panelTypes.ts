/**
 * What a case-page panel is. In a file of its own so that the areas that contribute panels
 * (court, documents) and the list of panels in panels.ts import it without importing each other.
 */
import type { ComponentType } from 'react';
import type { CaseDetail } from '../../../../electron/common/api/cases';

export interface CasePanelProps {
  detail: CaseDetail;
  /** Call after a change so the case page reloads the case (new version, timeline). */
  onChanged: () => void;
}

export interface CasePanel {
  key: string;
  title: string;
  /** Whether the panel is shown for this case. */
  applies(detail: CaseDetail): boolean;
  Component: ComponentType<CasePanelProps>;
}
