package org.goldbuying.contracts;

import java.util.List;

/** A message that does not satisfy its contract. {@link #reasons()} lists every broken rule, readable in a log. */
public class ContractViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> reasons;

    public ContractViolation(String contract, List<String> reasons) {
        super(contract + " violated: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
