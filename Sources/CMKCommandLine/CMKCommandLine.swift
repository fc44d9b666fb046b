public import CMKCore
public import JMESPath
