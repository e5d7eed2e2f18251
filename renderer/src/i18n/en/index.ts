import type { Messages } from '../messages';
import { cash } from './cash';
import { common } from './common';
import { customers } from './customers';
import { errors } from './errors';
import { login } from './login';
import { products } from './products';
import { reports } from './reports';
import { sales } from './sales';
import { settings } from './settings';
import { setup } from './setup';
import { till } from './till';

export const en: Messages = {
  common,
  errors,
  setup,
  login,
  till,
  cash,
  sales,
  products,
  customers,
  reports,
  settings,
};
