/** One picture per kind of dispute on the kiosk's tiles. */
import {
  CarOutlined,
  FileTextOutlined,
  HeartOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  QuestionCircleOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  ToolOutlined,
  BuildOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { KioskCategory } from '../../../electron/common/api/intake';

export const KIOSK_ICONS: Record<KioskCategory['icon'], ReactNode> = {
  neighbor: <TeamOutlined />,
  family: <HeartOutlined />,
  house: <HomeOutlined />,
  contract: <FileTextOutlined />,
  labor: <ToolOutlined />,
  damages: <MedicineBoxOutlined />,
  traffic: <CarOutlined />,
  property: <BuildOutlined />,
  consumer: <ShoppingCartOutlined />,
  other: <QuestionCircleOutlined />,
};
