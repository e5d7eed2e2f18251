import { useRoute } from '../../state/route';
import { SaleDetail } from './SaleDetail';
import { SalesList } from './SalesList';
import { usePeople } from './usePeople';
import './sales.css';

/** #/sales (the history) and #/sales/<id> (one sale). */
export function SalesScreen() {
  const param = useRoute((s) => s.route.param);
  const people = usePeople();
  return param ? (
    <SaleDetail key={param} id={param} people={people} />
  ) : (
    <SalesList people={people} />
  );
}
