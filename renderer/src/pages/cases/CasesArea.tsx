/** 案件 area: the list (desk home), registration, and one case. */
import { Route, Routes } from 'react-router-dom';
import { CaseListPage } from './CaseListPage';
import { CasePage } from './CasePage';
import { RegisterCasePage } from './RegisterCasePage';

export function CasesArea() {
  return (
    <Routes>
      <Route index element={<CaseListPage />} />
      <Route path="new" element={<RegisterCasePage />} />
      <Route path=":id" element={<CasePage />} />
    </Routes>
  );
}
