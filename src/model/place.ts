/**
 * Moves a parsed document's locations to where the document sits: its file, and its first line
 * in that file. Every location field of the resources is listed here, and only here.
 */
import type { NetworkPolicyResource, PolicyRule } from './types';
import type { Diagnostic, SourceLocation } from './source';
import type { ParsedObject } from './objects';
import { defined } from './reader';

export type Place = (location: SourceLocation) => SourceLocation;

/** A function that puts document-relative locations into `file`, starting at `startLine`. */
export function placer(file: string, startLine: number): Place {
  const shift = startLine - 1;
  return ({ range }) => ({
    file,
    range: { ...range, startLine: range.startLine + shift, endLine: range.endLine + shift },
  });
}

export function placeDiagnostic(diagnostic: Diagnostic, place: Place): Diagnostic {
  return { ...diagnostic, location: place(diagnostic.location) };
}

export function placeObject(object: ParsedObject, place: Place): ParsedObject {
  const nameLocation = place(object.nameLocation);
  switch (object.type) {
    case 'Namespace':
      return {
        ...object,
        nameLocation,
        resource: { ...object.resource, location: place(object.resource.location) },
      };
    case 'Workload':
      return {
        ...object,
        nameLocation,
        resource: { ...object.resource, location: place(object.resource.location) },
      };
    case 'NetworkPolicy':
      return { ...object, nameLocation, resource: placePolicy(object.resource, place) };
  }
}

function placePolicy(policy: NetworkPolicyResource, place: Place): NetworkPolicyResource {
  const placeRules = (rules: readonly PolicyRule[] | undefined): PolicyRule[] | undefined =>
    rules?.map((rule) =>
      defined({
        peers: rule.peers?.map((peer) => ({ ...peer, location: place(peer.location) })),
        ports: rule.ports?.map((port) => ({ ...port, location: place(port.location) })),
        location: place(rule.location),
      }),
    );
  return defined({
    ...policy,
    ingress: placeRules(policy.ingress),
    egress: placeRules(policy.egress),
    location: place(policy.location),
    nameLocation: place(policy.nameLocation),
  });
}
