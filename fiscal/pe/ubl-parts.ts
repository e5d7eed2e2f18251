/**
 * The parts an Invoice and a CreditNote share: header, parties, taxes, totals
 * and lines. Element order follows the UBL 2.1 schemas (xsd:sequence), which
 * the tests check with xmllint. They describe the document once; the writer
 * decides the bytes (canonical-xml.ts; xmlbuilder2 in reference.ts).
 */
import { amountInWords } from '../../core/words';
import {
  AFFECTATION_OF_KIND,
  AMOUNT_IN_WORDS_NOTE,
  ANONYMOUS_IDENTITY_CODE,
  EXONERADO_SCHEME,
  ICBPER_CODE,
  ICBPER_SCHEME,
  IDENTITY_TYPE_CODES,
  IGV_SCHEME,
  INAFECTO_SCHEME,
  LINE_DISCOUNT_CODE,
  SCHEME_OF_KIND,
  UNIT_PRICE_TYPE_CODE,
  type TaxScheme,
} from './codes';
import type { XmlNode } from './canonical-xml';
import { amountText, percentText, quantityText, ratioText } from './decimal';
import type { PeDocument, PeLine } from './model';

export const NS = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  ext: 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

/** The Id of the ds:Signature, which cac:Signature points at. */
export const SIGNATURE_ID = 'TENDERO-SIGN';

/** Both writers (canonical-xml.ts, and xmlbuilder2 for the reference) take the same calls. */
type Node = XmlNode;

/** Adds a child with text (and attributes) and returns the parent, for chaining. */
function leaf(parent: Node, name: string, text: string, attrs?: Record<string, string>): Node {
  parent.ele(name, attrs).txt(text);
  return parent;
}

export function money(parent: Node, name: string, amount: number, doc: PeDocument): Node {
  return leaf(parent, name, amountText(amount, doc.currency), { currencyID: doc.currency });
}

/** SERIE-CORRELATIVO as SUNAT wants it in cbc:ID: "F001-123" (no padding needed, allowed). */
export function documentId(doc: PeDocument): string {
  return `${doc.series}-${doc.correlative}`;
}

export function rootAttributes(rootNamespace: string): Record<string, string> {
  return {
    xmlns: rootNamespace,
    'xmlns:cac': NS.cac,
    'xmlns:cbc': NS.cbc,
    'xmlns:ds': NS.ds,
    'xmlns:ext': NS.ext,
  };
}

/** The empty slot the enveloped signature goes into. */
export function addExtensionSlot(root: Node): void {
  root.ele('ext:UBLExtensions').ele('ext:UBLExtension').ele('ext:ExtensionContent');
}

export function addVersions(root: Node): void {
  leaf(root, 'cbc:UBLVersionID', '2.1');
  leaf(root, 'cbc:CustomizationID', '2.0');
}

/** "SON CIENTO VEINTE CON 50/100 SOLES". */
export function totalInWords(doc: PeDocument): string {
  return `SON ${amountInWords(doc.totals.total, doc.currency)}`;
}

export function addAmountInWords(root: Node, doc: PeDocument): void {
  leaf(root, 'cbc:Note', totalInWords(doc), { languageLocaleID: AMOUNT_IN_WORDS_NOTE });
}

/** cac:Signature: who signs, and where the ds:Signature is. */
export function addSignatureReference(root: Node, doc: PeDocument): void {
  const signature = root.ele('cac:Signature');
  leaf(signature, 'cbc:ID', SIGNATURE_ID);
  const party = signature.ele('cac:SignatoryParty');
  leaf(party.ele('cac:PartyIdentification'), 'cbc:ID', doc.issuer.ruc);
  leaf(party.ele('cac:PartyName'), 'cbc:Name', doc.issuer.legalName);
  leaf(
    signature.ele('cac:DigitalSignatureAttachment').ele('cac:ExternalReference'),
    'cbc:URI',
    `#${SIGNATURE_ID}`,
  );
}

export function addSupplier(root: Node, doc: PeDocument): void {
  const { issuer } = doc;
  const party = root.ele('cac:AccountingSupplierParty').ele('cac:Party');
  leaf(party.ele('cac:PartyIdentification'), 'cbc:ID', issuer.ruc, {
    schemeID: IDENTITY_TYPE_CODES.RUC,
  });
  if (issuer.tradeName) leaf(party.ele('cac:PartyName'), 'cbc:Name', issuer.tradeName);
  const legal = party.ele('cac:PartyLegalEntity');
  leaf(legal, 'cbc:RegistrationName', issuer.legalName);
  const address = legal.ele('cac:RegistrationAddress');
  if (issuer.ubigeo) leaf(address, 'cbc:ID', issuer.ubigeo);
  leaf(address, 'cbc:AddressTypeCode', issuer.addressCode);
  if (issuer.address) leaf(address.ele('cac:AddressLine'), 'cbc:Line', issuer.address);
  leaf(address.ele('cac:Country'), 'cbc:IdentificationCode', 'PE');
}

export function addCustomer(root: Node, doc: PeDocument): void {
  const { customer } = doc;
  const party = root.ele('cac:AccountingCustomerParty').ele('cac:Party');
  const anonymous = customer.documentType === null || !customer.documentNumber;
  leaf(
    party.ele('cac:PartyIdentification'),
    'cbc:ID',
    anonymous ? ANONYMOUS_IDENTITY_CODE : customer.documentNumber!,
    {
      schemeID: anonymous ? ANONYMOUS_IDENTITY_CODE : IDENTITY_TYPE_CODES[customer.documentType!],
    },
  );
  const legal = party.ele('cac:PartyLegalEntity');
  leaf(legal, 'cbc:RegistrationName', customer.name.trim() || 'CLIENTES VARIOS');
  if (customer.address) {
    leaf(legal.ele('cac:RegistrationAddress').ele('cac:AddressLine'), 'cbc:Line', customer.address);
  }
}

function addScheme(category: Node, scheme: TaxScheme): void {
  const node = category.ele('cac:TaxScheme');
  leaf(node, 'cbc:ID', scheme.id);
  leaf(node, 'cbc:Name', scheme.name);
  leaf(node, 'cbc:TaxTypeCode', scheme.typeCode);
}

function icbperOf(line: PeLine) {
  return line.fixedTaxes.filter((f) => f.code === ICBPER_CODE);
}

/** The document's cac:TaxTotal: one subtotal per scheme present. */
export function addTaxTotal(root: Node, doc: PeDocument): void {
  const { totals } = doc;
  const taxTotal = root.ele('cac:TaxTotal');
  money(taxTotal, 'cbc:TaxAmount', totals.tax + totals.fixedTax, doc);
  const kinds = new Set(doc.lines.map((l) => l.kind));
  const subtotal = (taxable: number | null, tax: number, scheme: TaxScheme) => {
    const node = taxTotal.ele('cac:TaxSubtotal');
    if (taxable !== null) money(node, 'cbc:TaxableAmount', taxable, doc);
    money(node, 'cbc:TaxAmount', tax, doc);
    addScheme(node.ele('cac:TaxCategory'), scheme);
  };
  if (kinds.has('TAXED')) subtotal(totals.taxableBase, totals.tax, IGV_SCHEME);
  if (kinds.has('EXEMPT')) subtotal(totals.exempt, 0, EXONERADO_SCHEME);
  if (kinds.has('UNAFFECTED')) subtotal(totals.unaffected, 0, INAFECTO_SCHEME);
  const icbper = doc.lines.flatMap(icbperOf).reduce((sum, f) => sum + f.amount, 0);
  if (doc.lines.some((l) => icbperOf(l).length > 0)) subtotal(null, icbper, ICBPER_SCHEME);
}

/** cac:LegalMonetaryTotal (a CreditNote uses the same element). */
export function addMonetaryTotal(root: Node, doc: PeDocument): void {
  const { totals } = doc;
  const node = root.ele('cac:LegalMonetaryTotal');
  money(
    node,
    'cbc:LineExtensionAmount',
    totals.taxableBase + totals.exempt + totals.unaffected,
    doc,
  );
  money(node, 'cbc:TaxInclusiveAmount', totals.total, doc);
  money(node, 'cbc:PayableAmount', totals.total, doc);
}

const BP = 10_000n;

/** A line's figures without tax ("valor"), derived exactly from the stored ones. */
export function lineValues(line: PeLine, pricesIncludeTax: boolean) {
  const r = BigInt(line.rate);
  const withoutTax = (amount: bigint) =>
    pricesIncludeTax && line.rate > 0 ? (amount * BP * 2n + (BP + r)) / ((BP + r) * 2n) : amount;
  // Valor unitario: the price without IGV, as an exact ratio (minor units per unit).
  const unitValue =
    pricesIncludeTax && line.rate > 0
      ? { numerator: BigInt(line.unitPrice) * BP, denominator: BP + r }
      : { numerator: BigInt(line.unitPrice), denominator: 1n };
  // Precio unitario: with IGV.
  const unitPrice = pricesIncludeTax
    ? { numerator: BigInt(line.unitPrice), denominator: 1n }
    : { numerator: BigInt(line.unitPrice) * (BP + r), denominator: BP };
  const grossValue = Number(withoutTax(BigInt(line.gross)));
  const discountValue = line.discount > 0 ? Math.max(0, grossValue - line.base) : 0;
  return { unitValue, unitPrice, grossValue, discountValue };
}

/** cac:InvoiceLine or cac:CreditNoteLine. */
export function addLine(
  root: Node,
  doc: PeDocument,
  line: PeLine,
  index: number,
  names: {
    readonly element: string;
    readonly quantity: string;
    readonly taxBeforeAllowance?: boolean;
  },
): void {
  const digits = amountText(0, doc.currency).split('.')[1]?.length ?? 0;
  const values = lineValues(line, doc.pricesIncludeTax);
  const node = root.ele(names.element);
  leaf(node, 'cbc:ID', String(index + 1));
  leaf(node, names.quantity, quantityText(line.quantity), { unitCode: line.unitCode });
  money(node, 'cbc:LineExtensionAmount', line.base, doc);

  const pricing = node.ele('cac:PricingReference').ele('cac:AlternativeConditionPrice');
  leaf(
    pricing,
    'cbc:PriceAmount',
    ratioText(values.unitPrice.numerator, values.unitPrice.denominator, digits),
    { currencyID: doc.currency },
  );
  leaf(pricing, 'cbc:PriceTypeCode', UNIT_PRICE_TYPE_CODE);

  const addAllowance = () => {
    if (values.discountValue > 0) {
      const allowance = node.ele('cac:AllowanceCharge');
      leaf(allowance, 'cbc:ChargeIndicator', 'false');
      leaf(allowance, 'cbc:AllowanceChargeReasonCode', LINE_DISCOUNT_CODE);
      leaf(
        allowance,
        'cbc:MultiplierFactorNumeric',
        ratioText(BigInt(values.discountValue), BigInt(values.grossValue), 0, 5),
      );
      money(allowance, 'cbc:Amount', values.discountValue, doc);
      money(allowance, 'cbc:BaseAmount', values.grossValue, doc);
    }
  };
  const addTaxTotal = () => {
    const icbper = icbperOf(line);
    const taxTotal = node.ele('cac:TaxTotal');
    money(taxTotal, 'cbc:TaxAmount', line.tax + icbper.reduce((s, f) => s + f.amount, 0), doc);
    const main = taxTotal.ele('cac:TaxSubtotal');
    money(main, 'cbc:TaxableAmount', line.base, doc);
    money(main, 'cbc:TaxAmount', line.tax, doc);
    const category = main.ele('cac:TaxCategory');
    leaf(category, 'cbc:Percent', percentText(line.rate));
    leaf(category, 'cbc:TaxExemptionReasonCode', AFFECTATION_OF_KIND[line.kind]);
    addScheme(category, SCHEME_OF_KIND[line.kind]);
    for (const fixed of icbper) {
      const sub = taxTotal.ele('cac:TaxSubtotal');
      money(sub, 'cbc:TaxAmount', fixed.amount, doc);
      leaf(sub, 'cbc:BaseUnitMeasure', quantityText(line.quantity), { unitCode: line.unitCode });
      const fixedCategory = sub.ele('cac:TaxCategory');
      money(fixedCategory, 'cbc:PerUnitAmount', fixed.amountPerUnit, doc);
      addScheme(fixedCategory, ICBPER_SCHEME);
    }
  };
  // The schemas disagree on the order: InvoiceLine has AllowanceCharge then
  // TaxTotal, CreditNoteLine TaxTotal then AllowanceCharge.
  if (names.taxBeforeAllowance) {
    addTaxTotal();
    addAllowance();
  } else {
    addAllowance();
    addTaxTotal();
  }

  const item = node.ele('cac:Item');
  leaf(item, 'cbc:Description', line.name);
  leaf(item.ele('cac:SellersItemIdentification'), 'cbc:ID', line.code);
  leaf(
    node.ele('cac:Price'),
    'cbc:PriceAmount',
    ratioText(values.unitValue.numerator, values.unitValue.denominator, digits),
    { currencyID: doc.currency },
  );
}
