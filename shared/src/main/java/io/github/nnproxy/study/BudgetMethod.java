package io.github.nnproxy.study;

/**
 * The methods a {@link BudgetStudy} compares on one budget of true evaluations. Each gets the
 * same budget B and is judged by the best true value it has seen: what a user with an expensive
 * simulation keeps.
 */
public enum BudgetMethod {
  /** (a) The managed loop: the proxy proposes, the truth decides, B true evaluations at most. */
  MANAGED("managed", "a"),
  /** (b) The optimizer alone on the truth, its swarm or population sized for B evaluations. */
  TRUTH("truth", "b"),
  /** (c) Latin-hypercube random search: B points, the best kept. */
  LHS("lhs", "c"),
  /** (d) The offline proxy: trained on B - 1 Latin-hypercube points, its optimum evaluated. */
  OFFLINE("offline", "d");

  private final String label;
  private final String letter;

  BudgetMethod(String label, String letter) {
    this.label = label;
    this.letter = letter;
  }

  /**
   * Returns the method's label in files and tables.
   *
   * @return {@code managed}, {@code truth}, {@code lhs} or {@code offline}
   */
  public String label() {
    return label;
  }

  /**
   * Returns the method's letter in the and the report's legend.
   *
   * @return a, b, c or d
   */
  public String letter() {
    return letter;
  }

  /**
   * Tells whether this method is one of the equal-budget baselines the loop is judged against.
   *
   * @return true for (b), (c) and (d)
   */
  public boolean baseline() {
    return this != MANAGED;
  }

  /**
   * Returns the method of a label.
   *
   * @param label a {@link #label()}
   * @return the method
   * @throws IllegalArgumentException if no method has this label
   */
  public static BudgetMethod parse(String label) {
    for (BudgetMethod m : values()) {
      if (m.label.equals(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException("method must be managed, truth, lhs or offline, but was '"
        + label + "'");
  }
}
