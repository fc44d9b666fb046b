/// The abstract syntax tree of a compiled JMESPath expression.
indirect enum JMESPathNode: Sendable {
    /// The current node: `@`, and the implicit left or right side of projections.
    case current
    case field(String)
    /// Evaluates the right side against the result of the left side (`a.b`, `a[0]`).
    case subexpression(JMESPathNode, JMESPathNode)
    /// Chained index expressions (`a[0][1]`); kept apart because a slice after one does not project.
    case indexExpression(JMESPathNode, JMESPathNode)
    case index(Int)
    case slice(start: Int?, stop: Int?, step: Int?)
    /// Applies the right side to every element of the array the left side yields, dropping nulls.
    case listProjection(JMESPathNode, JMESPathNode)
    /// Applies the right side to every value of the object the left side yields, dropping nulls.
    case objectProjection(JMESPathNode, JMESPathNode)
    /// Like a list projection, keeping only the elements for which the condition is truthy.
    case filterProjection(JMESPathNode, JMESPathNode, condition: JMESPathNode)
    case flatten(JMESPathNode)
    case literal(JSONValue)
    case multiSelectList([JMESPathNode])
    case multiSelectHash([JMESPathKeyedNode])
    case comparison(JMESPathComparator, JMESPathNode, JMESPathNode)
    case or(JMESPathNode, JMESPathNode)
    case and(JMESPathNode, JMESPathNode)
    case not(JMESPathNode)
    case pipe(JMESPathNode, JMESPathNode)
    /// A function call; `offset` locates the name for error messages.
    case function(name: String, arguments: [JMESPathNode], offset: Int)
    /// `&expression`: passed unevaluated to functions such as `sort_by`.
    case expressionReference(JMESPathNode)
}

/// One `key: expression` entry of a multiselect hash.
struct JMESPathKeyedNode: Sendable {
    let key: String
    let node: JMESPathNode
}

enum JMESPathComparator: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
}
