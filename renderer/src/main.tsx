import 'antd/dist/reset.css';
import './styles.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Client-side checks reuse the contract's zod schemas; any message they do not spell out is Chinese too.
import '../../electron/common/zod-messages';
import { App } from './App';

dayjs.locale('zh-cn');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
