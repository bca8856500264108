//! `annotation.conf` for written files: brat shows only the types its configuration declares.
//!
//! Owns: collecting the entity, event, relation and attribute types the written files use, and
//! rendering them in brat's configuration syntax. Must never: declare a type no file uses.

/// An event type's roles, each with the types its arguments have.
type Roles = Vec<(String, Vec<String>)>;

/// The types used, each list in first-use order.
#[derive(Debug, Default)]
pub(super) struct Conf {
    entities: Vec<String>,
    /// Event type → (role, argument types).
    events: Vec<(String, Roles)>,
    /// Relation type → (Arg1 types, Arg2 types).
    relations: Vec<(String, Vec<String>, Vec<String>)>,
    /// Attribute name → values (none for a flag).
    attributes: Vec<(String, Vec<String>)>,
}

impl Conf {
    pub fn entity(&mut self, ty: &str) {
        add(&mut self.entities, ty);
    }

    pub fn event_type(&mut self, ty: &str) -> &mut Roles {
        let at = match self.events.iter().position(|(t, _)| t == ty) {
            Some(at) => at,
            None => {
                self.events.push((ty.to_string(), Vec::new()));
                self.events.len() - 1
            }
        };
        &mut self.events[at].1
    }

    /// An argument of an event. brat numbers a repeated role (`Content2`), so the configuration
    /// names the role without its number and lets it repeat.
    pub fn event(&mut self, ty: &str, role: &str, target: &str) {
        let base = role.trim_end_matches(|c: char| c.is_ascii_digit());
        let numbered = role[base.len()..].parse::<u64>().is_ok_and(|n| n >= 2);
        let role = if numbered && !base.is_empty() { base } else { role };
        let roles = self.event_type(ty);
        let at = match roles.iter().position(|(r, _)| r == role) {
            Some(at) => at,
            None => {
                roles.push((role.to_string(), Vec::new()));
                roles.len() - 1
            }
        };
        add(&mut roles[at].1, target);
    }

    pub fn relation(&mut self, ty: &str, from: &str, to: &str) {
        let at = match self.relations.iter().position(|(t, _, _)| t == ty) {
            Some(at) => at,
            None => {
                self.relations.push((ty.to_string(), Vec::new(), Vec::new()));
                self.relations.len() - 1
            }
        };
        add(&mut self.relations[at].1, from);
        add(&mut self.relations[at].2, to);
    }

    pub fn attribute(&mut self, name: &str, value: &str) {
        let at = match self.attributes.iter().position(|(n, _)| n == name) {
            Some(at) => at,
            None => {
                self.attributes.push((name.to_string(), Vec::new()));
                self.attributes.len() - 1
            }
        };
        if !value.is_empty() {
            add(&mut self.attributes[at].1, value);
        }
    }

    pub fn render(&self) -> String {
        let mut out = String::from("# brat's configuration for the files beside it, written by newsmark: the types they use.\n");
        out.push_str("\n[entities]\n");
        // A type used as an event's trigger is an event type, which brat does not allow as an
        // entity type as well.
        for e in self.entities.iter().filter(|e| !self.events.iter().any(|(t, _)| t == *e)) {
            out.push_str(&format!("{e}\n"));
        }
        out.push_str("\n[relations]\n");
        for (ty, from, to) in &self.relations {
            out.push_str(&format!("{ty}\tArg1:{}, Arg2:{}\n", from.join("|"), to.join("|")));
        }
        out.push_str("\n[events]\n");
        for (ty, roles) in &self.events {
            let args: Vec<String> = roles.iter().map(|(role, types)| format!("{role}*:{}", types.join("|"))).collect();
            if args.is_empty() {
                out.push_str(&format!("{ty}\n"));
            } else {
                out.push_str(&format!("{ty}\t{}\n", args.join(", ")));
            }
        }
        out.push_str("\n[attributes]\n");
        for (name, values) in &self.attributes {
            if values.is_empty() {
                out.push_str(&format!("{name}\tArg:<ANY>\n"));
            } else {
                out.push_str(&format!("{name}\tArg:<ANY>, Value:{}\n", values.join("|")));
            }
        }
        out
    }
}

fn add(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_what_was_used() {
        let mut c = Conf::default();
        c.entity("Source");
        c.entity("Attribution");
        c.event("Attribution", "Source", "Source");
        c.event("Attribution", "Content2", "Content");
        c.event("Attribution", "Content", "Content");
        c.event_type("Attribution-no-source");
        c.relation("Speaker", "Quote", "Source");
        c.attribute("Negated", "");
        c.attribute("Level", "high");
        let s = c.render();
        assert!(s.contains("[entities]\nSource\n\n"), "{s}");
        assert!(s.contains("Attribution\tSource*:Source, Content*:Content\nAttribution-no-source\n"), "{s}");
        assert!(s.contains("Speaker\tArg1:Quote, Arg2:Source\n"), "{s}");
        assert!(s.contains("Negated\tArg:<ANY>\nLevel\tArg:<ANY>, Value:high\n"), "{s}");
    }
}
