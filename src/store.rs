//! Connects the core's pure reducer to Yew's `use_reducer`.
//!
//! Owns: nothing but the adapter. Must never: decide anything the core's reducer could.

use std::rc::Rc;

use newsmark_core::{reduce, Action, State};
use yew::Reducible;

#[derive(Debug, Default, PartialEq)]
pub struct Store(pub State);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let selecting = matches!(action, Action::Select(_));
        let next = reduce(&self.0, action);
        // Selection changes arrive many times per drag; returning the same Rc skips a re-render
        // when the snapped selection did not move.
        if selecting && next.view.selection == self.0.view.selection {
            return self;
        }
        Rc::new(Store(next))
    }
}

pub type Dispatch = yew::UseReducerDispatcher<Store>;

/// The newest state, for event listeners and effects that outlive a render. Compared by
/// pointer, so passing it as a prop never causes a re-render.
#[derive(Clone)]
pub struct Latest(pub std::rc::Rc<std::cell::RefCell<yew::UseReducerHandle<Store>>>);

impl PartialEq for Latest {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Latest {
    pub fn state(&self) -> std::cell::Ref<'_, yew::UseReducerHandle<Store>> {
        self.0.borrow()
    }
}
