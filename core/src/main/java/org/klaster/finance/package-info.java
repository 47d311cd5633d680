/**
 * Finance: loan repayment schedules and the value of interest subsidies ({@link org.klaster.finance.Loans}), and a
 * project's cash-flow economics — NPV, IRR, discounted payback, DSCR ({@link org.klaster.finance.CashFlows}), and the
 * portfolio of projects × instruments that maximises the benefit within the budgets (CP-SAT,
 * {@link org.klaster.finance.Portfolio}) (docs/methods-finance.md). Pure: no files, no database.
 */
package org.klaster.finance;
