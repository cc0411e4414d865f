/** The inspector's Cluster tab: cluster-wide policies by tier, and the policy shown on the graph. */
import { type Locator, type Page } from '@playwright/test';

export class ClusterPoliciesPage {
  constructor(private readonly page: Page) {}

  tab(): Locator {
    return this.page.getByTestId('tab-cluster');
  }

  panel(): Locator {
    return this.page.getByTestId('cluster-policies');
  }

  /** The policies listed in a tier, in the order shown. */
  tier(tier: 'admin' | 'baseline'): Locator {
    return this.panel().getByTestId(`tier-${tier}`).getByTestId('cluster-policy');
  }

  /** One listed policy, by id (`ClusterNetworkPolicy/<name>`). */
  policy(id: string): Locator {
    return this.panel().locator(`[data-policy="${id}"]`);
  }

  /** Shows (or, when shown, hides) a policy on the graph, as a click on its row does. */
  async toggle(id: string): Promise<void> {
    await this.policy(id).locator('.cluster-policy-row').click();
  }

  /** The notes under a tier about policies sharing a priority. */
  ties(): Locator {
    return this.panel().getByTestId('tie-note');
  }

  /** The shown policy's details under its row (and in the Details tab). */
  details(): Locator {
    return this.panel().getByTestId('cluster-policy-details');
  }

  /** Over the graph while a policy is shown. */
  banner(): Locator {
    return this.page.getByTestId('policy-banner');
  }
}
