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

/** Spanish is the source: every other language has exactly these keys. One module per screen. */
export const es = {
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
