/** The sentences of the v1alpha1 → v1alpha2 conversion: what it wrote beyond the mapping, what it did not convert. */
export const convertSays = {
  // Not converted: the object is kept as written.
  leftOutAsWritten: (error: string): string =>
    `the evaluation leaves it out as written, so a converted copy could only change what is evaluated: ${error}`,
  rejectedAsV1alpha2: (error: string): string => `as a ClusterNetworkPolicy the API server would reject it: ${error}`,
  readsDifferently: (what: string): string =>
    `as a ClusterNetworkPolicy it would read differently (${what}); please report this`,
  aliases: 'its spec uses YAML anchors, aliases or merge keys, which cannot be edited without changing their other users',
  notSelfContained: 'it uses YAML anchors defined elsewhere in its List',
  nameTaken: (name: string, where: string): string =>
    `a ClusterNetworkPolicy named "${name}" is already in the input (${where}): ` +
    'kubectl apply would make one replace the other',
  unreadableDocument:
    'this document cannot be parsed, so the AdminNetworkPolicy or BaselineAdminNetworkPolicy it may hold is not converted',
  notConverted: (object: string, reason: string): string => `${object} is not converted: ${reason}`,

  // Notes: written beyond the one-to-one mapping, with the same meaning.
  baselinePriority: (priority: number): string =>
    `written as tier Baseline, priority ${priority}: a BaselineAdminNetworkPolicy has no priority (there is only one)`,
  baselinePriorityLowered: (others: string): string =>
    'written as tier Baseline, priority 0 rather than the usual 10: a BaselineAdminNetworkPolicy is consulted as ' +
    `priority 0, and at 10 it would lose its place among ${others}`,
  podSelectorAdded: (paths: readonly string[]): string =>
    `podSelector: {} added to ${paths.join(', ')}: v1alpha2 requires it, and the missing selector was read as {} ` +
    '(all pods) in v1alpha1 too',
  singlePortRange: (path: string, port: number): string =>
    `${path}: the portRange ${port}-${port} is written as the port number ${port} (a v1alpha2 range needs start < end)`,
  droppedFields: (path: string, fields: readonly string[]): string =>
    fields.length === 1
      ? `${path}: unknown field ${fields[0]} dropped (the API server prunes it)`
      : `${path}: unknown fields ${fields.join(', ')} dropped (the API server prunes them)`,
  experimental: (paths: readonly string[]): string =>
    `${paths.join(', ')}: only the experimental channel of the v1alpha2 CRD has ` +
    `${paths.length === 1 ? 'this field' : 'these fields'}, as in v1alpha1 (the standard one rejects the object)`,
};
